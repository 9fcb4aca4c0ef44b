"""Building blocks of generate-project.py: layout, boto3 code, filler and template."""
