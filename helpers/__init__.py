"""Plain-Python helpers every app may use: Georgian text (georgian), dates, working days and
opening hours (dates), the terminal progress bar (progress). They import no app of ours."""
