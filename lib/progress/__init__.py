"""Opt-in study progress: study codes, the answer store, FSRS scheduling and readiness.

Pure Python, no streamlit. Only study answers are stored (which card, right or wrong, when),
keyed by a random study code; nothing about a client ever reaches this package.
"""
