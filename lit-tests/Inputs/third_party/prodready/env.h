// A project that vendors prodready's helper under its own path.
#include <prodready/env.h>
