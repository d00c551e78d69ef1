SITEGEN_SEARCH.words("tr", {"travail":[1]});
