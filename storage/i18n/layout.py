"""Narrow-terminal layout: the agency picker in the title line, the layout keys (``layout.*``)."""

TEXTS = {
    # The title line when the agency list is folded away: which agency the board shows.
    "layout.picker": ("▾ {agency}", "▾ {agency}"),
}
