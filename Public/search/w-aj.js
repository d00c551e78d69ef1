SITEGEN_SEARCH.words("aj", {"ajoutant":[1]});
