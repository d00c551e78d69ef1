SITEGEN_SEARCH.words("wa", {"wang":[0]});
