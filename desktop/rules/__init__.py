"""Form rules, free of Qt and of the store: read targets, score rows, raise findings.

`evaluate.evaluate(form)` is the one entry point the window and the command line need;
the modules below it each do one job (targets, dates, scoring, weights, rows, findings,
funds, profile).
"""
