SITEGEN_SEARCH.words("cc", {"cc":[1]});
