#!/usr/bin/python3
"""PyTorch peers of jgym's generative trainers, for `bench/peers/generative.sh` (not run by CI).

Each peer is the trainer's default network and update, one thread, trained on the minibatches jgym's
StepTiming wrote (`data.npy`: the first 20 minibatches of one shuffled epoch, already scaled as the
trainer feeds them, used in turn as jgym uses them). How each peer matches (DL4J -> PyTorch):
- weights: DL4J's XAVIER is N(0, 2 / (fan_in + fan_out)) = xavier_normal_; WeightInit.RELU and the
  SameDiff VAE's He weights are N(0, 2 / fan_in) = kaiming_normal_; biases start at zero;
- DL4J's LEAKYRELU has slope 0.01; ConvolutionMode.Same / SAME padding with 3x3 stride 1, 3x3 or 4x4
  stride 2 is padding 1 (kernel 4, stride 2 transposed: padding 1); Same 2x2 pooling of 7x7 gives
  4x4 (ceil_mode); DL4J's XENT loss is binary cross-entropy summed over outputs, averaged over rows;
- dropout follows each hidden discriminator layer (jgym sets it as DL4J's `dropOut` of the layer
  after, which drops that layer's inputs);
- the GAN update is jgym's AdversarialStep: fakes from B latents (no gradient), the discriminator
  fitted on real (label 1 - smoothing) and fake (0) rows stacked, then B fresh latents through the
  generator and the discriminator with label 1, the gradient reaching only the generator's Adam;
  PacGAN packing is a reshape of `pack` consecutive samples into one row;
- Adam with DL4J's defaults (betas 0.9/0.999 unless the config sets beta1, eps 1e-8); sine-gan's
  learning rate decays by 0.1 over its first budget (10,000 updates) per update, as jgym's schedule.

Usage: generative.py <vae|conv-ae|dense-gan|dcgan-rgb|sine-gan> <data folder> [minibatches] [warm-up]
Prints: RESULT pytorch <trainer> median_ms=... mean_ms=... <loss>=... (mean of the last quarter)
       generative.py dense-gan-train <IDX folder> <epochs> <samples.npy> [seed]
Trains the dense-gan peer on all training images (shuffled each epoch, the last partial minibatch
left out, as jgym's Minibatches) and writes 500 samples in [0, 1] for SampleScores to judge.
"""
import copy
import gzip
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(1)


def xavier(module):
    for m in module.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.xavier_normal_(m.weight)
            nn.init.zeros_(m.bias)
    return module


def he(module):
    for m in module.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return module


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


# ---- vae: ConvVaeConfig.defaults(), 28x28, conv 32-64 (3x3 stride 2), dense 16, latent 2, Adam 1e-3, batch 64
class Vae(nn.Module):
    def __init__(self, latent=2, filters=(32, 64), dense=16):
        super().__init__()
        self.enc = nn.Sequential(Reshape(1, 28, 28), nn.Conv2d(1, filters[0], 3, 2, 1), nn.ReLU(),
                                 nn.Conv2d(filters[0], filters[1], 3, 2, 1), nn.ReLU(), nn.Flatten(),
                                 nn.Linear(filters[1] * 49, dense), nn.ReLU())
        self.mean = nn.Linear(dense, latent)
        self.logvar = nn.Linear(dense, latent)
        self.dec = nn.Sequential(nn.Linear(latent, filters[1] * 49), nn.ReLU(), Reshape(filters[1], 7, 7),
                                 nn.ConvTranspose2d(filters[1], filters[0], 4, 2, 1), nn.ReLU(),
                                 nn.ConvTranspose2d(filters[0], 1, 4, 2, 1), nn.Flatten())
        he(self)

    def loss(self, x):
        h = self.enc(x)
        mean, logvar = self.mean(h), self.logvar(h)
        z = mean + torch.exp(0.5 * logvar) * torch.randn_like(mean)
        logits = self.dec(z)
        nll = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
        kl = -0.5 * (1 + logvar - mean * mean - logvar.exp()).sum(1)
        return (nll + kl).mean()


def vae_step():
    model = Vae()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step(x):
        loss = model.loss(x)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return {"-ELBO": loss.item()}
    return step, 64


# ---- conv-ae: AutoencoderNetworks.conv, code 2, Adam 1e-3, batch 64
def conv_ae_step():
    same = lambda i, o: nn.Conv2d(i, o, 3, 1, 1)
    model = xavier(nn.Sequential(
        Reshape(1, 28, 28), same(1, 16), nn.ReLU(), nn.MaxPool2d(2, 2, ceil_mode=True),
        same(16, 8), nn.ReLU(), nn.MaxPool2d(2, 2, ceil_mode=True),
        same(8, 8), nn.ReLU(), nn.MaxPool2d(2, 2, ceil_mode=True), nn.Flatten(),
        nn.Linear(128, 2), nn.Linear(2, 128), nn.ReLU(), Reshape(8, 4, 4),
        same(8, 8), nn.ReLU(), nn.Upsample(scale_factor=2),
        same(8, 8), nn.ReLU(), nn.Upsample(scale_factor=2),
        nn.Conv2d(8, 16, 3, 1, 0), nn.ReLU(), nn.Upsample(scale_factor=2),
        same(16, 1), nn.Flatten()))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step(x):
        loss = F.binary_cross_entropy_with_logits(model(x), x, reduction="sum") / x.shape[0]
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return {"BCE": loss.item()}
    return step, 64


# ---- the GANs: jgym's AdversarialStep
def gan_step(generator, discriminator, g_opt, d_opt, latent, batch, pack, smoothing, schedulers=(), average=0.0):
    # The generator's moving average (jgym's GeneratorAverage): after step t it keeps min(average, (1 + t) / (10 + t)).
    averaged = copy.deepcopy(generator) if average > 0 else generator
    updates = [0]

    def packed(x):
        return x.reshape(x.shape[0] // pack, -1)

    def step(real):
        b = real.shape[0]
        with torch.no_grad():
            fakes = generator(torch.randn(b, latent))
        inputs = torch.cat([packed(real), packed(fakes)])
        n = inputs.shape[0] // 2
        labels = torch.cat([torch.full((n, 1), 1.0 - smoothing), torch.zeros(n, 1)])
        d_loss = F.binary_cross_entropy(discriminator(inputs), labels)
        d_opt.zero_grad(set_to_none=True)
        d_loss.backward()
        d_opt.step()
        generated = generator(torch.randn(b, latent))
        g_loss = F.binary_cross_entropy(discriminator(packed(generated)), torch.ones(n, 1))
        g_opt.zero_grad(set_to_none=True)
        g_loss.backward()
        g_opt.step()
        for s in schedulers:
            s.step()
        updates[0] += 1
        if average > 0:
            kept = min(average, (1 + updates[0]) / (10 + updates[0]))
            with torch.no_grad():
                for a, p in zip(averaged.parameters(), generator.parameters()):
                    a.mul_(kept).add_(p, alpha=1 - kept)
        return {"D_loss": d_loss.item(), "G_loss": g_loss.item()}
    step.generator = averaged
    return step, batch


def dense(widths, activation, dropout=0.0):
    layers = []
    for i, o in zip(widths, widths[1:]):
        layers += [nn.Linear(i, o), activation()] + ([nn.Dropout(dropout)] if dropout > 0 else [])
    return layers


# dense-gan: DenseGanConfig.defaults(): G 100-200-200-784 tanh, D 784-200-100-1 (dropout 0.3), Adam 2e-4 beta1 0.5, batch 64, smoothing 0.1,
# samples from the generator's moving average with decay 0.999
def dense_gan_step():
    g = xavier(nn.Sequential(*dense([100, 200, 200], nn.LeakyReLU), nn.Linear(200, 784), nn.Tanh()))
    d = xavier(nn.Sequential(*dense([784, 200, 100], nn.LeakyReLU, 0.3), nn.Linear(100, 1), nn.Sigmoid()))
    return gan_step(g, d, torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999)),
                    torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999)), 100, 64, 1, 0.1, average=0.999)


# dcgan-rgb: DcganConfig.defaults(): 32x32x3; G dense -> 128x4x4, BN+ReLU, per doubling 2x nearest upsampling and a 3x3
# convolution 64-32 (BN+ReLU) -> 3 tanh;
# D 4x4 stride-2 convolutions 32-64-128, LeakyReLU 0.2, the minibatch standard deviation map over groups of 4 consecutive
# images (DcganMinibatchStd), sigmoid; Adam beta1 0.5, the generator at 2e-4 and the discriminator at 5e-5, batch 32,
# smoothing 0.1, no generator average
class MinibatchStd(nn.Module):
    """DcganMinibatchStd: per group of 4 consecutive images, the mean over features of their standard deviation, as one more map."""
    def __init__(self, group):
        super().__init__()
        self.group = group

    def forward(self, x):
        b, c, h, w = x.shape
        y = x.reshape(-1, self.group, c * h * w)
        std = ((y - y.mean(1, keepdim=True)).pow(2).mean(1, keepdim=True) + 1e-8).sqrt().mean(2, keepdim=True)
        return torch.cat([x, std.expand(-1, self.group, h * w).reshape(b, 1, h, w)], 1)


def dcgan_step():
    gf, size = [128, 64, 32], 32
    small = size // 2 ** len(gf)
    layers = [nn.Linear(100, gf[0] * small * small), nn.BatchNorm1d(gf[0] * small * small), nn.ReLU(), Reshape(gf[0], small, small)]
    for i, o in zip(gf, gf[1:]):
        layers += [nn.Upsample(scale_factor=2), nn.Conv2d(i, o, 3, 1, 1), nn.BatchNorm2d(o), nn.ReLU()]
    layers += [nn.Upsample(scale_factor=2), nn.Conv2d(gf[-1], 3, 3, 1, 1), nn.Tanh(), nn.Flatten()]
    g = he(nn.Sequential(*layers))
    pack = 1
    df = [3 * pack, 32, 64, 128]
    layers = [Reshape(3 * pack, size, size)]
    for i, o in zip(df, df[1:]):
        layers += [nn.Conv2d(i, o, 4, 2, 1), nn.LeakyReLU(0.2)]
    layers += [MinibatchStd(4), nn.Flatten(), nn.Linear((df[-1] + 1) * small * small, 1), nn.Sigmoid()]
    d = he(nn.Sequential(*layers))
    return gan_step(g, d, torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999)),
                    torch.optim.Adam(d.parameters(), 5e-5, betas=(0.5, 0.999)), 100, 32, pack, 0.1)


class Fixed(nn.Module):
    """The fixed low-pass filter behind sine-gan's generator (x . W, no bias, not trained)."""
    def __init__(self, matrix):
        super().__init__()
        self.register_buffer("w", torch.from_numpy(matrix))

    def forward(self, x):
        return x @ self.w


# sine-gan: SineGanConfig.defaults(): G 1-64-128-250 + filter, D 1000-128-64-1 (pack 4), Adam 5e-4 beta1 0.5 decaying to 0.1x over
# 10,000 updates, batch 40, no smoothing
def sine_gan_step(folder):
    matrix = np.load(f"{folder}/filter.npy")
    g = xavier(nn.Sequential(*dense([1, 64, 128], nn.LeakyReLU), nn.Linear(128, 250), Fixed(matrix)))
    d = xavier(nn.Sequential(*dense([1000, 128, 64], nn.LeakyReLU), nn.Linear(64, 1), nn.Sigmoid()))
    g_opt = torch.optim.Adam(g.parameters(), 5e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(d.parameters(), 5e-4, betas=(0.5, 0.999))
    gamma = 0.1 ** (1 / 10_000)
    schedulers = [torch.optim.lr_scheduler.ExponentialLR(o, gamma) for o in (g_opt, d_opt)]
    return gan_step(g, d, g_opt, d_opt, 1, 40, 4, 0.0, schedulers)


def idx_images(folder):
    path = f"{folder}/train-images-idx3-ubyte"
    with (open(path, "rb") if os.path.exists(path) else gzip.open(path + ".gz", "rb")) as f:
        raw = f.read()
    count, rows, cols = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(raw, np.uint8, count * rows * cols, 16).reshape(count, rows * cols).astype(np.float32) / 255


def train_dense_gan(folder, epochs, out, seed=1):
    torch.manual_seed(seed)
    images = torch.from_numpy(idx_images(folder) * 2 - 1)  # [0, 1] -> [-1, 1], as ImageGanTrainer
    step, batch = dense_gan_step()
    for epoch in range(epochs):
        started = time.perf_counter()
        order = torch.randperm(images.shape[0])
        for b in range(images.shape[0] // batch):
            losses = step(images[order[b * batch:(b + 1) * batch]])
        print(f"epoch {epoch + 1}: {time.perf_counter() - started:.1f} s, {losses}", flush=True)
    generator = step.generator
    generator.eval()
    with torch.no_grad():
        samples = (generator(torch.randn(500, 100)) + 1) / 2
    np.save(out, samples.numpy().astype(np.float32))


def main():
    if sys.argv[1] == "dense-gan-train":
        train_dense_gan(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 1)
        return
    trainer, folder = sys.argv[1], sys.argv[2]
    timed = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    warm_up = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    makers = {"vae": vae_step, "conv-ae": conv_ae_step, "dense-gan": dense_gan_step, "dcgan-rgb": dcgan_step,
              "sine-gan": lambda: sine_gan_step(folder)}
    step, batch = makers[trainer]()
    data = torch.from_numpy(np.load(f"{folder}/data.npy"))
    batches = [data[i:i + batch] for i in range(0, data.shape[0], batch)]
    for i in range(warm_up):
        step(batches[i % len(batches)])
    times, tail, sums = [], max(1, timed // 4), {}
    for i in range(timed):
        x = batches[(warm_up + i) % len(batches)]
        started = time.perf_counter()
        losses = step(x)
        times.append(time.perf_counter() - started)
        if i >= timed - tail:
            for k, v in losses.items():
                sums[k] = sums.get(k, 0.0) + v
    losses = " ".join(f"{k}={v / tail:.4f}" for k, v in sums.items())
    print(f"RESULT pytorch {trainer} median_ms={statistics.median(times) * 1e3:.3f} "
          f"mean_ms={statistics.mean(times) * 1e3:.3f} {losses}")


if __name__ == "__main__":
    main()
