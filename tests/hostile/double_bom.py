﻿print("double bom")
