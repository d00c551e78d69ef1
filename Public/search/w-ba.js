SITEGEN_SEARCH.words("ba", {"batir":[0]});
