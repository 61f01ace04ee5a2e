"""STAR Coach: the coaching domain (no Discord imports)."""
