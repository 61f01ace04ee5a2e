"""Coaching maths: principle coverage, spaced repetition, streaks (pure functions, no I/O)."""
