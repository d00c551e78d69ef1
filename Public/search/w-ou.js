SITEGEN_SEARCH.words("ou", {"ouvrages":[0]});
