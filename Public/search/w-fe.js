SITEGEN_SEARCH.words("fe", {"felicite":[1]});
