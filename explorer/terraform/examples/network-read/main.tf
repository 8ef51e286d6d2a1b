# Only data sources: a pipeline that reads the network it deploys into needs their read actions alone.
data "huaweicloud_vpc" "shared" {
  name = "shared"
}

data "huaweicloud_vpc_subnet" "app" {
  vpc_id = data.huaweicloud_vpc.shared.id
  name   = "app"
}

data "huaweicloud_availability_zones" "zones" {}
