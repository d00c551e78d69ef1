SITEGEN_SEARCH.words("ch", {"chaque":[0],
"chef":[0,1],
"chine":[0,1],
"chinois":[0,1]});
