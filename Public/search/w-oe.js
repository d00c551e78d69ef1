SITEGEN_SEARCH.words("oe", {"oeuvre":[0,1]});
