"""The demo district and its wording: a deterministic generator of a realistic regional
party-building network (洛阳市涧西区 at scale 1, a synthetic city above) and its loader.

All people in the generated data are fictitious and all coordinates are synthetic.
"""

from seed.demo import (
    NEEDS_PER_SCALE,
    District,
    ProgressCallback,
    generate_district,
    load_district,
)

__all__ = ["NEEDS_PER_SCALE", "District", "ProgressCallback", "generate_district", "load_district"]
