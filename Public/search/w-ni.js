SITEGEN_SEARCH.words("ni", {"niveau":[0,1],
"niveaux":[1]});
