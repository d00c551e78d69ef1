SITEGEN_SEARCH.words("fl", {"flexible":[1]});
