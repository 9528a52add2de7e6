#include "engine/edtf.h"
