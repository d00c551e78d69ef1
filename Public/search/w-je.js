SITEGEN_SEARCH.words("je", {"jeunes":[0]});
