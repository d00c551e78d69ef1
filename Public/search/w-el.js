SITEGEN_SEARCH.words("el", {"elaborant":[1]});
