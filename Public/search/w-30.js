SITEGEN_SEARCH.words("30", {"30":[1]});
