# A web server in its own network: the configuration the Terraform page opens with.
resource "huaweicloud_vpc" "web" {
  name = "web"
  cidr = "192.168.0.0/16"
}

resource "huaweicloud_vpc_subnet" "web" {
  name       = "web"
  vpc_id     = huaweicloud_vpc.web.id
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
}

resource "huaweicloud_networking_secgroup" "web" {
  name = "web"
}

data "huaweicloud_images_image" "ubuntu" {
  name        = "Ubuntu 22.04 server 64bit"
  most_recent = true
}

resource "huaweicloud_compute_instance" "web" {
  count              = var.instances
  name               = "web-${count.index}"
  image_id           = data.huaweicloud_images_image.ubuntu.id
  flavor_id          = var.flavor
  security_group_ids = [huaweicloud_networking_secgroup.web.id]

  network {
    uuid = huaweicloud_vpc_subnet.web.id
  }
}

resource "huaweicloud_vpc_eip" "web" {
  publicip {
    type = "5_bgp"
  }
  bandwidth {
    name        = "web"
    size        = 5
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

variable "instances" {
  default = 2
}

variable "flavor" {
  default = "s6.small.1"
}
