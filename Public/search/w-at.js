SITEGEN_SEARCH.words("at", {"attachent":[0],
"attaquer":[1]});
