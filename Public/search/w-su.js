SITEGEN_SEARCH.words("su", {"substantielle":[0],
"succes":[1],
"suggere":[1]});
