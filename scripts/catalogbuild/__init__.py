"""Build minrole's IAM catalog (Policies/ and Templates/) from the raw reference data folder."""
