"""Rendering: embeds, views and modals built from domain models."""
