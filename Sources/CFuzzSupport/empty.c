// CFuzzSupport only declares libFuzzer's driver (see include/CFuzzSupport.h).
