SITEGEN_SEARCH.words("sy", {"sympathies":[1]});
