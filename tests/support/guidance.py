"""One topic of a profile's guidance (lib.profile_guidance), as the tests read it."""

from __future__ import annotations

from lib.profile_guidance import Guidance, profile_guidance
from lib.profiles import Profile


def guidance_on(profile: Profile, topic: str) -> Guidance:
    """The profile's guidance item on topic ("Strength", "Impact", ...); StopIteration if it has none."""
    return next(item for item in profile_guidance(profile) if item.topic == topic)
