"""Prior years: the same project across years, side by side, carried forward, the unit's
overview, trends and search. Qt-free: `desktop.ui` shows what these return.

- `projects`: which forms are the same project (code, else name) and how many years
- `align`: pairing the indicator rows of two years
- `compare`: two forms side by side, with what changed
- `carry`: a new year's form from an earlier one (以上年为基础新建)
- `overview` and `overview_xlsx`: every form of a unit and year, and its xlsx
- `trends`: total score and execution rate over the years
- `search`: code, name, indicator names and goals across all years
"""
