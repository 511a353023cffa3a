"""lib.finding.spec_finding: the one constructor the falls, bone and other screening readers share."""

from __future__ import annotations

from lib.finding import spec_finding

SPEC = {"name": "Timed Up and Go", "sources": ["shumway2000"]}


def test_a_spec_finding_takes_its_measure_and_sources_from_the_data_entry():
    finding = spec_finding(SPEC, "tug_s", "13.5 s", "at risk from 12 s", "Slow.", "13.5 s is over", sets="falls")
    assert (finding.key, finding.measure, finding.source) == ("tug_s", "Timed Up and Go", ("shumway2000",))
    assert (finding.meaning, finding.sets, finding.decides, finding.borderline) == ("Slow.", "falls", False, False)


def test_a_borderline_spec_finding_says_so_in_front_of_its_meaning():
    finding = spec_finding(SPEC, "tug_s", "12.2 s", "", "Slow.", "", decides=True, borderline=True)
    assert finding.borderline and finding.decides
    assert finding.meaning.startswith("Borderline:") and finding.meaning.endswith(" Slow.")


def test_an_entry_without_sources_gives_a_finding_without_sources():
    assert spec_finding({"name": "Experience"}, "experience", "novice", "", "New.", "").source == ()
