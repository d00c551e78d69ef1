SITEGEN_SEARCH.words("id", {"ideologiques":[0]});
