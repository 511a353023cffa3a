"""Bone Loading Lab's pure-Python core: content, data, safety rules, planner and charts.

Nothing in this package imports streamlit (tests/test_layout.py checks), so a notebook or a test can use it directly.
"""
