SITEGEN_SEARCH.words("hi", {"historiques":[0]});
