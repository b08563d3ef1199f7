// Intentionally empty: the target exists to expose include/FuzzerDriver.h to Swift.
#include "FuzzerDriver.h"
