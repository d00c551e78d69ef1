SITEGEN_SEARCH.words("eg", {"egalement":[0,1]});
