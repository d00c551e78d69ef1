SITEGEN_SEARCH.words("sa", {"saine":[1],
"saisi":[1],
"salue":[0,1],
"sante":[1]});
