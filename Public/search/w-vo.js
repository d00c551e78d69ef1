SITEGEN_SEARCH.words("vo", {"voisins":[1]});
