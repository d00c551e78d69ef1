SITEGEN_SEARCH.words("ad", {"adaptes":[1],
"adjoint":[0]});
