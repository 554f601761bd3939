"""An SVG bar chart of recommendations by status, drawn on the server so it needs no JavaScript.

Each bar carries its status name and count as text, so colour is never the
only way to read it; the same figures are also given in a table.
"""

from dataclasses import dataclass

from django.utils.translation import gettext, pgettext

from progress.choices import DeliveryStatus

# Dark enough for 3:1 contrast against white (WCAG 1.4.11).
BAR_COLOURS = {
    DeliveryStatus.NOT_STARTED: "#505a5f",
    DeliveryStatus.IN_PROGRESS: "#1d70b8",
    DeliveryStatus.DELIVERED: "#00703c",
    DeliveryStatus.EMBEDDED: "#005a30",
    DeliveryStatus.PAUSED: "#a84300",
}
LABEL_WIDTH = 230
BAR_SPACE = 300
ROW_HEIGHT = 40
BAR_HEIGHT = 26


@dataclass
class Bar:
    value: str
    label: str
    count: int
    y: int
    width: int
    colour: str

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT // 2 + 6

    @property
    def count_x(self):
        return LABEL_WIDTH + self.width + 8


def status_chart(summary):
    biggest = max((count for _value, _label, count in summary.status_counts), default=0) or 1
    bars = []
    for row, (value, label, count) in enumerate(summary.status_counts):
        width = round(BAR_SPACE * count / biggest)
        bars.append(Bar(value, label, count, row * ROW_HEIGHT + 8, width, BAR_COLOURS[value]))
    description = pgettext("separator between items of a list", "; ").join(
        f"{label}: {count}" for _value, label, count in summary.status_counts
    )
    return {
        "bars": bars,
        "height": len(bars) * ROW_HEIGHT + 16,
        "width": LABEL_WIDTH + BAR_SPACE + 60,
        "bar_x": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 10,
        "bar_height": BAR_HEIGHT,
        "description": gettext("Recommendations by status. %(counts)s.") % {"counts": description},
    }
