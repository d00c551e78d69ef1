SITEGEN_SEARCH.words("et", {"etaient":[1],
"etat":[0],
"etroitement":[0,1]});
