SITEGEN_SEARCH.words("eu", {"eu":[1]});
