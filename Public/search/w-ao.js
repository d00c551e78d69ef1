SITEGEN_SEARCH.words("ao", {"aout":[0]});
