"""The ``board`` command's own words (``cli.*``): warnings, confirmations, empty results.

Terminal output keeps ASCII digits in Thai too (``th-ascii``): it is pasted into other tools.
"""

TEXTS = {
    "cli.warning": ("คำเตือน: {text}", "warning: {text}"),
}
