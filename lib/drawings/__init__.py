"""Exercise drawings as SVG, made from the poses in data/poses.yaml (pure Python, no Streamlit).

Public API::

    from lib.drawings import exercise_svg, exercise_strip_svg, drawing_alt
    exercise_svg("goblet-squat")                  # one picture: the start ghosted, the end drawn, an arrow
    exercise_svg("goblet-squat", animated=True)   # start -> end -> back, still under prefers-reduced-motion
    exercise_svg("goblet-squat", highlight=True)  # the loaded skeletal sites marked and named
    exercise_strip_svg("goblet-squat")            # 2-3 frames side by side, for print
    drawing_alt("goblet-squat")                   # the text alternative: name, start and end positions

The figure is 170 cm tall with Winter's segment proportions (lib/poses.py); props are drawn to scale in
the same centimetres. Each SVG sits on its own light tile, so it reads on a light or a dark page, and
colour is never the only carrier of meaning: the moving figure is solid, its start is a pale ghost, the
arrow has a head, and highlighted sites are named in words. SVGs are built once per exercise and cached.

The modules, by responsibility:
    svg        palette, stroke widths, path shapes, the style sheet
    props      props to scale, fixed and held, and the reach to a support (the agreement tests use it)
    figure     the body's paths, the loaded sites, the movement arrow, the twist and landing signs
    animation  poses sampled between frames, played as SMIL
    picture    framing on the tile, the SVG document, the still, the moving picture and the print strip
"""

from lib.drawings.figure import SITE_LABELS
from lib.drawings.picture import drawing_alt, exercise_strip_svg, exercise_svg
from lib.drawings.props import PLATE_R, reach

__all__ = ["PLATE_R", "SITE_LABELS", "drawing_alt", "exercise_strip_svg", "exercise_svg", "reach"]
