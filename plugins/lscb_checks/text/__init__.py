"""Text tools shared by the checks: what a review publishes, normalised words,
and the text inside attachments."""
