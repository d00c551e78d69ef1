SITEGEN_SEARCH.words("fo", {"fonctionnaire":[1],
"fondements":[0],
"forums":[1]});
